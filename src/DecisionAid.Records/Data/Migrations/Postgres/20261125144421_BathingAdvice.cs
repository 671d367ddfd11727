using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DecisionAid.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BathingAdvice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BathingAdvice",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "BathingAdviceEs",
                table: "Practices");
        }
    }
}
