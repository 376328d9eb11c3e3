namespace Realtime.Testing;

/// <summary>
/// xunit class fixture: each test class that takes it gets its own fresh database, dropped after the
/// class's last test. Tests inside a class share it (xunit runs them one at a time).
/// </summary>
public sealed class PostgresTestDatabaseFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    /// <summary>The class's database; available once xunit has initialised the fixture.</summary>
    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary>Connection string of <see cref="Database"/>.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
