using System.Data.Common;

namespace KbCore.Data;

/// <summary>Raw commands for the hot write paths (search log, view counts), where change tracking costs too much.</summary>
internal static class DbCommands
{
    /// <summary>Adds a named parameter to fill per row of a batch.</summary>
    public static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
