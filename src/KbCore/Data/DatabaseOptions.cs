namespace KbCore.Data;

/// <summary>The database for data outside git (section <c>Database</c>): SQLite by default, PostgreSQL when configured.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary><c>ConnectionStrings:Kb</c>; for SQLite the server defaults it to <c>{DataDirectory}/kb.db</c>.</summary>
    public string? ConnectionString { get; set; }
}
