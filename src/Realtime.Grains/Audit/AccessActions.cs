namespace Realtime.Grains.Audit;

/// <summary>The actions the access audit records.</summary>
public static class AccessActions
{
    /// <summary>A user signed in (built-in sign-in or the demo's).</summary>
    public const string SignIn = "sign-in";

    /// <summary>A built-in sign-in was refused (unknown user or wrong password); the user is the name given.</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>A manager read a complaint's unmasked customer name and phone.</summary>
    public const string UnmaskedRead = "unmasked-read";

    /// <summary>A manager closed (froze) a quarter.</summary>
    public const string QuarterClose = "quarter-close";

    /// <summary>A manager recalculated the running complaints and cases under the configured clock policies.</summary>
    public const string PolicyRecalculate = "policy-recalculate";

    /// <summary>An auditor read the audit.</summary>
    public const string AuditRead = "audit-read";
}
