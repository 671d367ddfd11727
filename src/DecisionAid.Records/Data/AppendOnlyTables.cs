using Microsoft.EntityFrameworkCore.Migrations;

namespace DecisionAid.Records.Data;

/// <summary>
/// The tables that are written once and never changed: the audit trail, the patients' consent decisions, the sealed
/// records and the content they saw. Triggers make the database itself refuse UPDATE and DELETE (and TRUNCATE on
/// PostgreSQL), so a bug or a careless query cannot rewrite them; only someone who drops the triggers can, and the
/// audit chain and the seals show it.
/// </summary>
public static class AppendOnlyTables
{
    public static readonly string[] Tables = ["AuditEntries", "ConsentDecisions", "ConsentRecords", "ShownContents"];

    public static void ProtectSqlite(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        foreach (var table in Tables)
        {
            foreach (var operation in new[] { "UPDATE", "DELETE" })
                migration.Sql($"CREATE TRIGGER \"{table}_no_{operation.ToLowerInvariant()}\" BEFORE {operation} ON \"{table}\" " +
                    $"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {operation} refused'); END;");
        }
    }

    public static void UnprotectSqlite(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        foreach (var table in Tables)
        {
            migration.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_update\";");
            migration.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_delete\";");
        }
    }

    public static void ProtectPostgres(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        migration.Sql("""
            CREATE FUNCTION decisionaid_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
            END $$;
            """);
        foreach (var table in Tables)
        {
            migration.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION decisionaid_append_only();");
            migration.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION decisionaid_append_only();");
        }
    }

    public static void UnprotectPostgres(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        foreach (var table in Tables)
        {
            migration.Sql($"DROP TRIGGER IF EXISTS \"{table}_append_only\" ON \"{table}\";");
            migration.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_truncate\" ON \"{table}\";");
        }
        migration.Sql("DROP FUNCTION IF EXISTS decisionaid_append_only();");
    }
}
