namespace Keel.Platform.Auth;

public static class PlatformPolicies
{
    /// <summary>Platform administrators (the account flag set by <c>keel admin create</c>).</summary>
    public const string Admin = "keel:admin";
}
