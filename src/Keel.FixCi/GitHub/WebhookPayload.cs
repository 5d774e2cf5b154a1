using System.Text.Json;

namespace Keel.FixCi.GitHub;

/// <summary>
/// Reads a webhook body into what FixCI should do with it. Only <c>workflow_run</c> completed with conclusion
/// <c>failure</c> or <c>timed_out</c> leads to an analysis: <c>workflow_job</c> and <c>check_suite</c> report the same
/// failure again (per job, per suite) without the run's pull requests, so they are acknowledged and ignored.
/// <c>installation</c> and <c>installation_repositories</c> keep the list of installations and repositories current.
/// Never throws on bad input: a body that does not have the event's shape is <see cref="ParsedWebhook.Invalid"/>.
/// </summary>
internal static class WebhookPayload
{
    public const string EventHeader = "X-GitHub-Event";
    public const string DeliveryHeader = "X-GitHub-Delivery";

    private static readonly string[] FailedConclusions = ["failure", "timed_out"];

    public static ParsedWebhook Parse(string? eventName, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(eventName))
        {
            return new ParsedWebhook.Invalid($"The {EventHeader} header is missing.");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return new ParsedWebhook.Invalid($"The body is not JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ParsedWebhook.Invalid("The body is not a JSON object.");
            }

            try
            {
                return eventName switch
                {
                    "workflow_run" => ParseWorkflowRun(document.RootElement),
                    "installation" => ParseInstallation(document.RootElement, "repositories", null),
                    "installation_repositories" => ParseInstallation(document.RootElement, "repositories_added", "repositories_removed"),
                    "workflow_job" => Acknowledge(document.RootElement, "workflow_job", "a failed job is analysed with its whole run, on workflow_run"),
                    "check_suite" => Acknowledge(document.RootElement, "check_suite", "Actions failures are analysed on workflow_run, which names the run"),
                    "ping" => new ParsedWebhook.Ignored("ping: the webhook is configured"),
                    _ => new ParsedWebhook.Ignored($"{eventName}: not an event FixCI analyses"),
                };
            }
            catch (PayloadException e)
            {
                return new ParsedWebhook.Invalid(e.Message);
            }
        }
    }

    private static ParsedWebhook ParseWorkflowRun(JsonElement root)
    {
        var action = RequiredString(root, "action");
        var run = RequiredObject(root, "workflow_run");
        var conclusion = OptionalString(run, "conclusion");
        if (action != "completed")
        {
            return new ParsedWebhook.Ignored($"workflow_run {action}: only completed runs are analysed");
        }
        if (conclusion is null || !FailedConclusions.Contains(conclusion))
        {
            return new ParsedWebhook.Ignored($"workflow_run completed with conclusion {conclusion ?? "null"}: only failure and timed_out are analysed");
        }

        var installation = RequiredObject(root, "installation");
        var repository = RequiredObject(root, "repository");
        var fullName = RequiredString(repository, "full_name");
        if (!RepositoryName.TryParse(fullName, out var repositoryName))
        {
            throw new PayloadException($"repository.full_name '{fullName}' is not owner/name.");
        }

        var pullRequests = new List<PullRequestRef>();
        if (run.TryGetProperty("pull_requests", out var prs) && prs.ValueKind == JsonValueKind.Array)
        {
            var repositoryId = OptionalLong(repository, "id");
            foreach (var pr in prs.EnumerateArray())
            {
                var @base = RequiredObject(pr, "base");
                // A run in a fork can list pull requests of other repositories; only this repository's are ours to comment on.
                if (@base.TryGetProperty("repo", out var baseRepo) && baseRepo.ValueKind == JsonValueKind.Object
                    && repositoryId is { } id && OptionalLong(baseRepo, "id") is { } baseId && baseId != id)
                {
                    continue;
                }

                pullRequests.Add(new PullRequestRef(
                    (int)RequiredLong(pr, "number"),
                    RequiredString(@base, "ref"),
                    RequiredString(RequiredObject(pr, "head"), "sha")));
            }
        }

        return new ParsedWebhook.Analyze(new WorkflowRunEvent(
            RequiredLong(installation, "id"),
            repositoryName,
            OptionalString(repository, "default_branch") ?? "main",
            RequiredLong(run, "id"),
            (int)(OptionalLong(run, "run_attempt") ?? 1),
            RequiredLong(run, "workflow_id"),
            OptionalString(run, "name") ?? "workflow",
            RequiredString(run, "head_sha"),
            OptionalString(run, "head_branch"),
            conclusion,
            OptionalString(run, "html_url"),
            pullRequests,
            OptionalTimestamp(run, "run_started_at") ?? OptionalTimestamp(run, "created_at"),
            OptionalLong(repository, "id"),
            Account(repository, "owner")));
    }

    private static ParsedWebhook ParseInstallation(JsonElement root, string addedProperty, string? removedProperty)
    {
        var action = RequiredString(root, "action");
        var installation = RequiredObject(root, "installation");
        // "installation" lists the repositories on every action; only on "created" are they news.
        var added = removedProperty is null && action != "created" ? [] : Repositories(root, addedProperty);
        return new ParsedWebhook.InstallationChanged(new InstallationEvent(
            RequiredLong(installation, "id"),
            action,
            Account(installation, "account"),
            added,
            removedProperty is null ? [] : Repositories(root, removedProperty)));
    }

    private static IReadOnlyList<InstallationRepository> Repositories(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return [];
        var repositories = new List<InstallationRepository>();
        foreach (var repository in array.EnumerateArray())
        {
            if (repository.ValueKind != JsonValueKind.Object) throw new PayloadException($"'{name}' holds something other than repositories.");
            var fullName = RequiredString(repository, "full_name");
            if (!RepositoryName.TryParse(fullName, out _)) throw new PayloadException($"'{fullName}' in '{name}' is not owner/name.");
            repositories.Add(new InstallationRepository(RequiredLong(repository, "id"), fullName));
        }
        return repositories;
    }

    private static GitHubAccount? Account(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var account) && account.ValueKind == JsonValueKind.Object && OptionalString(account, "login") is { Length: > 0 } login
            ? new GitHubAccount(login, OptionalString(account, "type") ?? "User")
            : null;

    private static DateTimeOffset? OptionalTimestamp(JsonElement parent, string name) =>
        OptionalString(parent, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static ParsedWebhook Acknowledge(JsonElement root, string eventName, string reason)
    {
        RequiredString(root, "action");
        return new ParsedWebhook.Ignored($"{eventName}: {reason}");
    }

    private static JsonElement RequiredObject(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new PayloadException($"'{name}' is missing or not an object.");

    private static string RequiredString(JsonElement parent, string name) =>
        OptionalString(parent, name) is { Length: > 0 } value
            ? value
            : throw new PayloadException($"'{name}' is missing or not a string.");

    private static long RequiredLong(JsonElement parent, string name) =>
        OptionalLong(parent, name) ?? throw new PayloadException($"'{name}' is missing or not an integer.");

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? OptionalLong(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    /// <summary>Unwinds parsing of a malformed payload; never leaves <see cref="Parse"/>.</summary>
    private sealed class PayloadException(string message) : Exception(message);
}
