using System.Net;
using DecisionAid.Web.Tests.Data;
using Npgsql;

namespace DecisionAid.Web.Tests.Library;

/// <summary>/healthz tells a load balancer whether this node can serve: 503 once its database is gone.</summary>
public class HealthTests
{
    [Fact]
    public async Task Health_answers_503_when_the_node_cannot_reach_its_database()
    {
        var database = TestDatabases.Create(Storage.Postgres);
        try
        {
            using var site = new SiteFactory(settings: database.SiteSettings());
            var client = site.Client();
            var healthy = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.StartsWith("ok: ", await healthy.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // The database goes away under the running node (dropped, its connections cut).
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(TestDatabases.PostgresServer()))
            {
                await admin.OpenAsync(TestContext.Current.CancellationToken);
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
            NpgsqlConnection.ClearAllPools();
            var sick = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, sick.StatusCode);
            Assert.Contains("cannot reach its database", await sick.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            database.Dispose(); // DROP DATABASE IF EXISTS: nothing left to drop
        }
    }
}
