using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Server.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralsAndUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReferralCode",
                table: "accounts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "referral_credits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferrerAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    StripeSubscriptionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_credits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "usage_alerts",
                columns: table => new
                {
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Product = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Feature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_alerts", x => new { x.Owner, x.Product, x.Feature, x.PeriodStart });
                });

            migrationBuilder.CreateTable(
                name: "usage_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Product = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Feature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_ReferralCode",
                table: "accounts",
                column: "ReferralCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_credits_ReferredAccountId",
                table: "referral_credits",
                column: "ReferredAccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_credits_ReferrerAccountId",
                table: "referral_credits",
                column: "ReferrerAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_usage_records_Owner_IdempotencyKey",
                table: "usage_records",
                columns: new[] { "Owner", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_usage_records_Owner_Product_Feature_OccurredAt",
                table: "usage_records",
                columns: new[] { "Owner", "Product", "Feature", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_credits");

            migrationBuilder.DropTable(
                name: "usage_alerts");

            migrationBuilder.DropTable(
                name: "usage_records");

            migrationBuilder.DropIndex(
                name: "IX_accounts_ReferralCode",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "ReferralCode",
                table: "accounts");
        }
    }
}
