using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FixCiInstallations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fixci_installations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountLogin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AccountType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuspendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fixci_installations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fixci_installations_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "fixci_repositories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    InstallationId = table.Column<long>(type: "INTEGER", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CommentStyle = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fixci_repositories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fixci_repositories_fixci_installations_InstallationId",
                        column: x => x.InstallationId,
                        principalTable: "fixci_installations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fixci_installations_OrganizationId",
                table: "fixci_installations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_fixci_repositories_InstallationId",
                table: "fixci_repositories",
                column: "InstallationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fixci_repositories");

            migrationBuilder.DropTable(
                name: "fixci_installations");
        }
    }
}
