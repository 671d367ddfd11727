using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DecisionAid.Records.Data;

/// <summary>
/// A query EF compiles ahead (<see cref="EF.CompileAsyncQuery"/>), for the calls on every API request: it skips the
/// expression tree's walk, cache lookup and parameter extraction of a LINQ query. A compiled query serves one model
/// only, and SQLite and PostgreSQL have one each (tests use both in one process), so each model gets its own.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback create = _ => compile();

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return compiled.GetValue(db.Model, create);
    }
}
