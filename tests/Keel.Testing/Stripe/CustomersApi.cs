using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Keel.Testing.Stripe;

/// <summary><c>/v1/customers</c>, their search and their balance transactions.</summary>
static partial class CustomersApi
{
    public static IEnumerable<StripeRoute> Routes =>
    [
        new("POST", "/v1/customers", Create),
        new("GET", "/v1/customers", List),
        new("GET", "/v1/customers/search", Search),
        new("GET", "/v1/customers/{id}", call => call.Account.Get("customer", call.Id).DeepClone().AsObject()),
        new("POST", "/v1/customers/{id}", Update),
        new("POST", "/v1/customers/{id}/balance_transactions", CreateBalanceTransaction),
        new("GET", "/v1/customers/{id}/balance_transactions", ListBalanceTransactions),
    ];

    static JsonObject Create(StripeCall call)
    {
        var customer = call.Account.CreateCustomer(call.Form.Text("email"), call.Form.Text("name"), call.Form.Map("metadata"));
        call.Emit("customer.created", customer);
        return customer.DeepClone().AsObject();
    }

    static JsonObject List(StripeCall call)
    {
        var email = call.Form.Text("email");
        var customers = call.Account.All("customer")
            .Where(customer => email is null || customer["email"]?.GetValue<string>() == email);
        return StripeList.Of(customers, "/v1/customers", call.Form);
    }

    /// <summary>Supports Stripe's search clauses on email, name and metadata joined by AND, e.g. <c>email:'a@b.c'</c>.</summary>
    static JsonObject Search(StripeCall call)
    {
        var query = call.Form.Required("query");
        var clauses = Clause().Matches(query);
        if (clauses.Count == 0)
        {
            throw StripeApiException.InvalidRequest($"Invalid search query: {query}", "query");
        }

        var found = call.Account.All("customer").Where(customer => clauses.All(clause =>
        {
            var field = clause.Groups["field"].Value;
            var key = clause.Groups["key"].Value;
            var value = field == "metadata" ? customer["metadata"]?[key] : customer[field];
            return value?.GetValue<string>() == clause.Groups["value"].Value;
        }));
        var list = StripeList.Of(found, "/v1/customers/search", call.Form);
        list["object"] = "search_result";
        list["next_page"] = null;
        return list;
    }

    static JsonObject Update(StripeCall call)
    {
        var customer = call.Account.Get("customer", call.Id);
        var previous = new JsonObject();
        foreach (var field in new[] { "email", "name", "description", "phone" })
        {
            if (call.Form.Has(field))
            {
                previous[field] = customer[field]?.DeepClone();
                customer[field] = call.Form.Text(field) is { Length: > 0 } value ? value : null;
            }
        }

        if (call.Form.Map("metadata") is { } metadata)
        {
            previous["metadata"] = customer["metadata"]!.DeepClone();
            StripeAccount.MergeMetadata(customer, metadata);
        }

        if (previous.Count > 0)
        {
            call.Emit("customer.updated", customer, previous);
        }

        return customer.DeepClone().AsObject();
    }

    static JsonObject CreateBalanceTransaction(StripeCall call)
    {
        var customer = call.Account.Get("customer", call.Id, "customer");
        var amount = call.Form.Long("amount") ?? throw StripeApiException.MissingParameter("amount");
        var currency = call.Form.Required("currency").ToLowerInvariant();
        if (customer["currency"]?.GetValue<string>() is { } existing && existing != currency)
        {
            throw StripeApiException.InvalidRequest(
                $"You cannot adjust the balance of a customer whose currency is {existing} in {currency}.", "currency");
        }

        var transaction = call.Account.AddBalanceTransaction(
            customer, amount, currency, "adjustment", call.Form.Text("description"), call.Form.Map("metadata"));
        return transaction.DeepClone().AsObject();
    }

    static JsonObject ListBalanceTransactions(StripeCall call)
    {
        call.Account.Get("customer", call.Id, "customer");
        var transactions = call.Account.All("customer_balance_transaction")
            .Where(transaction => transaction["customer"]!.GetValue<string>() == call.Id);
        return StripeList.Of(transactions, $"/v1/customers/{call.Id}/balance_transactions", call.Form);
    }

    [GeneratedRegex(@"(?<field>email|name|metadata)(\[['""](?<key>[^'""]+)['""]\])?:['""](?<value>[^'""]*)['""]")]
    private static partial Regex Clause();
}
