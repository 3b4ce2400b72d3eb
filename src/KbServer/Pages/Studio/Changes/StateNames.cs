using KbCore.Reviews;

namespace KbServer.Pages.Studio.Changes;

/// <summary>Change-request states as people read them.</summary>
public static class StateNames
{
    public static string Of(string state) => state switch
    {
        ChangeRequestStates.Draft => "Draft",
        ChangeRequestStates.InReview => "In review",
        ChangeRequestStates.ChangesRequested => "Changes requested",
        ChangeRequestStates.Approved => "Approved",
        ChangeRequestStates.Merged => "Merged",
        ChangeRequestStates.Closed => "Closed",
        _ => state,
    };
}
