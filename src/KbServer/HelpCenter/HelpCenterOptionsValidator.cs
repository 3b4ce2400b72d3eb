using Microsoft.Extensions.Options;

namespace KbServer.HelpCenter;

/// <summary>Stops start-up on unusable <see cref="HelpCenterOptions"/> with the message that names the setting.</summary>
internal sealed class HelpCenterOptionsValidator : IValidateOptions<HelpCenterOptions>
{
    public ValidateOptionsResult Validate(string? name, HelpCenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
