using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Microsoft.AspNetCore.Http;

namespace Keel.Platform.Http;

/// <summary>Collects field errors of one request and answers them all at once as a validation problem.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "An email address is required.");
        else if (value.Length > Limits.Email) Add(field, $"An email address has at most {Limits.Email} characters.");
        else if (!EmailAddress.IsValid(value)) Add(field, "This is not a valid email address.");
        return this;
    }

    public Validation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
        else Optional(field, value, maxLength);
        return this;
    }

    public Validation Optional(string field, string? value, int maxLength)
    {
        if (value is null) return this;
        if (value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        else if (value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) Add(field, "Control characters are not allowed.");
        return this;
    }

    public Validation Password(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "A password is required.");
        else if (value.Length < Limits.MinPassword) Add(field, $"A password has at least {Limits.MinPassword} characters.");
        else if (value.Length > Limits.Password) Add(field, $"A password has at most {Limits.Password} characters.");
        return this;
    }

    public Validation Check(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IResult ToResult() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
