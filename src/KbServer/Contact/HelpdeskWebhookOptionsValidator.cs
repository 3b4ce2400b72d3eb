using Microsoft.Extensions.Options;

namespace KbServer.Contact;

/// <summary>Fails start-up with a message that names the setting, rather than failing each delivery later.</summary>
internal sealed class HelpdeskWebhookOptionsValidator : IValidateOptions<HelpdeskWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, HelpdeskWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeoutSeconds is < 1 or > 300)
        {
            return ValidateOptionsResult.Fail("Contact:Webhook:TimeoutSeconds must be between 1 and 300");
        }

        if (options.MaxAttempts < 1)
        {
            return ValidateOptionsResult.Fail("Contact:Webhook:MaxAttempts must be at least 1");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.Secret))
        {
            return ValidateOptionsResult.Fail("Contact:Webhook:Secret must be set when Contact:Webhook:Url is (requests are signed with it)");
        }

        return WebhookDestinationGuard.CheckUrl(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
