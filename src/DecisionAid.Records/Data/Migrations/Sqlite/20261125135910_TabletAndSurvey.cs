using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DecisionAid.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TabletAndSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SigningOnSharedDevice",
                table: "Practices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TabletIdleMinutes",
                table: "Practices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "IdleSeconds",
                table: "PatientSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSeenAt",
                table: "PatientSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "PatientSessions",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "packet");

            migrationBuilder.AddColumn<DateTime>(
                name: "SurveyTokenExpiresAt",
                table: "Packets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SurveyTokenHash",
                table: "Packets",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TabletSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ClinicianId = table.Column<string>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedUnlocks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TabletSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TabletSessions_AspNetUsers_ClinicianId",
                        column: x => x.ClinicianId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TabletSessions_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The column and its foreign key in one ALTER TABLE, which SQLite allows for a nullable column: EF's
            // AddForeignKey would rebuild the table with foreign keys switched off, outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"PatientSessions\" ADD COLUMN \"TabletId\" TEXT NULL REFERENCES \"TabletSessions\" (\"Id\") ON DELETE CASCADE;");

            migrationBuilder.CreateIndex(
                name: "IX_PatientSessions_TabletId",
                table: "PatientSessions",
                column: "TabletId");

            migrationBuilder.CreateIndex(
                name: "IX_Packets_SurveyTokenHash",
                table: "Packets",
                column: "SurveyTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TabletSessions_ClinicianId",
                table: "TabletSessions",
                column: "ClinicianId");

            migrationBuilder.CreateIndex(
                name: "IX_TabletSessions_IdHash",
                table: "TabletSessions",
                column: "IdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TabletSessions_PracticeId",
                table: "TabletSessions",
                column: "PracticeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PatientSessions_TabletSessions_TabletId",
                table: "PatientSessions");

            migrationBuilder.DropTable(
                name: "TabletSessions");

            migrationBuilder.DropIndex(
                name: "IX_PatientSessions_TabletId",
                table: "PatientSessions");

            migrationBuilder.DropIndex(
                name: "IX_Packets_SurveyTokenHash",
                table: "Packets");

            migrationBuilder.DropColumn(
                name: "SigningOnSharedDevice",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "TabletIdleMinutes",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "IdleSeconds",
                table: "PatientSessions");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "PatientSessions");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "PatientSessions");

            migrationBuilder.DropColumn(
                name: "TabletId",
                table: "PatientSessions");

            migrationBuilder.DropColumn(
                name: "SurveyTokenExpiresAt",
                table: "Packets");

            migrationBuilder.DropColumn(
                name: "SurveyTokenHash",
                table: "Packets");
        }
    }
}
