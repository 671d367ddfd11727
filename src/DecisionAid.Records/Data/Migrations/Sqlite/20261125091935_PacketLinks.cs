using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DecisionAid.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PacketLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedUnlocks",
                table: "Packets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnlockBlockedUntil",
                table: "Packets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PatientSessions",
                columns: table => new
                {
                    IdHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    PacketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientSessions", x => x.IdHash);
                    table.ForeignKey(
                        name: "FK_PatientSessions_Packets_PacketId",
                        column: x => x.PacketId,
                        principalTable: "Packets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PatientSessions_PacketId",
                table: "PatientSessions",
                column: "PacketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PatientSessions");

            migrationBuilder.DropColumn(
                name: "FailedUnlocks",
                table: "Packets");

            migrationBuilder.DropColumn(
                name: "UnlockBlockedUntil",
                table: "Packets");
        }
    }
}
