using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DecisionAid.Records.Data.Migrations.Sqlite
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
                    PracticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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

            // SQLite drops a column in place (3.35 and later): EF's DropColumn would rebuild the table under foreign keys.
            migrationBuilder.Sql("ALTER TABLE \"Practices\" DROP COLUMN \"BathingAdvice\";");
            migrationBuilder.Sql("ALTER TABLE \"Practices\" DROP COLUMN \"BathingAdviceEs\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BathingAdvice",
                table: "Practices",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BathingAdviceEs",
                table: "Practices",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.Sql("UPDATE \"Practices\" SET \"BathingAdvice\" = (SELECT \"Text\" FROM \"PracticeTexts\" t WHERE t.\"PracticeId\" = \"Practices\".\"Id\" AND t.\"Language\" = 'en' AND t.\"Key\" = 'bathing');");
            migrationBuilder.Sql("UPDATE \"Practices\" SET \"BathingAdviceEs\" = (SELECT \"Text\" FROM \"PracticeTexts\" t WHERE t.\"PracticeId\" = \"Practices\".\"Id\" AND t.\"Language\" = 'es' AND t.\"Key\" = 'bathing');");

            migrationBuilder.DropTable(
                name: "PracticeTexts");
        }
    }
}
