using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KbCore.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchLogDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_search_log_At",
                table: "search_log");

            migrationBuilder.DropIndex(
                name: "IX_search_log_Query",
                table: "search_log");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Day",
                table: "search_log",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // The rows logged so far get their day (UTC, like At), so the reports keep counting them.
            migrationBuilder.Sql(@"UPDATE search_log SET ""Day"" = substr(""At"", 1, 10);");

            migrationBuilder.CreateIndex(
                name: "IX_search_log_Day_Source_ResultCount",
                table: "search_log",
                columns: new[] { "Day", "Source", "ResultCount" });

            migrationBuilder.CreateIndex(
                name: "IX_search_log_Query_Day_Source_ResultCount_At",
                table: "search_log",
                columns: new[] { "Query", "Day", "Source", "ResultCount", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_search_log_Day_Source_ResultCount",
                table: "search_log");

            migrationBuilder.DropIndex(
                name: "IX_search_log_Query_Day_Source_ResultCount_At",
                table: "search_log");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "search_log");

            migrationBuilder.CreateIndex(
                name: "IX_search_log_At",
                table: "search_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_search_log_Query",
                table: "search_log",
                column: "Query");
        }
    }
}
