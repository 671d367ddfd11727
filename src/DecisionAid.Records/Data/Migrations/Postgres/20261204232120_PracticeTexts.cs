using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DecisionAid.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PracticeTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeTexts",
                columns: table => new
                {
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeTexts", x => new { x.PracticeId, x.Language, x.Key });
                    table.ForeignKey(
                        name: "FK_PracticeTexts_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The practice's bathing advice moves from one column per language to a row per language.
            migrationBuilder.Sql("INSERT INTO \"PracticeTexts\" (\"PracticeId\", \"Language\", \"Key\", \"Text\") SELECT \"Id\", 'en', 'bathing', \"BathingAdvice\" FROM \"Practices\" WHERE \"BathingAdvice\" IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO \"PracticeTexts\" (\"PracticeId\", \"Language\", \"Key\", \"Text\") SELECT \"Id\", 'es', 'bathing', \"BathingAdviceEs\" FROM \"Practices\" WHERE \"BathingAdviceEs\" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "BathingAdvice",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "BathingAdviceEs",
                table: "Practices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BathingAdvice",
                table: "Practices",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BathingAdviceEs",
                table: "Practices",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.Sql("UPDATE \"Practices\" SET \"BathingAdvice\" = (SELECT \"Text\" FROM \"PracticeTexts\" t WHERE t.\"PracticeId\" = \"Practices\".\"Id\" AND t.\"Language\" = 'en' AND t.\"Key\" = 'bathing');");
            migrationBuilder.Sql("UPDATE \"Practices\" SET \"BathingAdviceEs\" = (SELECT \"Text\" FROM \"PracticeTexts\" t WHERE t.\"PracticeId\" = \"Practices\".\"Id\" AND t.\"Language\" = 'es' AND t.\"Key\" = 'bathing');");

            migrationBuilder.DropTable(
                name: "PracticeTexts");
        }
    }
}
