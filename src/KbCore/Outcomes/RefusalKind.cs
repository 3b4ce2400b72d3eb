namespace KbCore.Outcomes;

/// <summary>Why a service said no, in terms every caller can map: the API to a status code, the studio to a form message.</summary>
public enum RefusalKind
{
    /// <summary>The actor's role does not allow it, whatever the state.</summary>
    Forbidden,

    /// <summary>The thing asked about does not exist.</summary>
    NotFound,

    /// <summary>It exists, but its state (or the review policy) does not allow this now.</summary>
    Conflict,

    /// <summary>It changed since the caller looked: what they saw is no longer what they would act on.</summary>
    Stale,

    /// <summary>The input itself is wrong; <see cref="Refusal.Field"/> names the field when there is one.</summary>
    Invalid,
}
