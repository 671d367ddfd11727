using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DecisionAid.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedAids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedAids",
                columns: table => new
                {
                    AidId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Files = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedAids", x => new { x.AidId, x.ContentHash });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedAids");
        }
    }
}
