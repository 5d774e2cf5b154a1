using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Server.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FixCiJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fixci_analysis_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstallationId = table.Column<long>(type: "bigint", nullable: false),
                    Repository = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    RunAttempt = table.Column<int>(type: "integer", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fixci_analysis_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fixci_deliveries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Event = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fixci_deliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fixci_analysis_jobs_Repository_RunId_RunAttempt",
                table: "fixci_analysis_jobs",
                columns: new[] { "Repository", "RunId", "RunAttempt" });

            migrationBuilder.CreateIndex(
                name: "IX_fixci_analysis_jobs_Status_NextAttemptAt",
                table: "fixci_analysis_jobs",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fixci_analysis_jobs");

            migrationBuilder.DropTable(
                name: "fixci_deliveries");
        }
    }
}
