using System.Net;
using Keel.Testing.Stripe;
using Stripe;

namespace Keel.Testing.Tests.Stripe;

public sealed class FakeStripeCustomerTests : IAsyncLifetime
{
    FakeStripe fake = null!;
    StripeClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeStripe.StartAsync();
        client = new StripeClient(fake.ApiKey, apiBase: fake.BaseUrl);
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task A_customer_created_with_Stripe_net_is_found_by_id_email_and_search()
    {
        var created = await client.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = "ada@example.test",
            Name = "Ada",
            Metadata = new() { ["account_id"] = "acc_1" },
        });
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "bob@example.test" });

        created.Id.ShouldStartWith("cus_");
        created.Object.ShouldBe("customer");
        created.Balance.ShouldBe(0);
        var fetched = await client.V1.Customers.GetAsync(created.Id);
        fetched.Email.ShouldBe("ada@example.test");
        fetched.Metadata["account_id"].ShouldBe("acc_1");
        var listed = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = "ada@example.test", Limit = 1 });
        listed.Object.ShouldBe("list");
        listed.HasMore.ShouldBeFalse();
        listed.Data.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
        var searched = await client.V1.Customers.SearchAsync(new CustomerSearchOptions { Query = "email:'ada@example.test'" });
        searched.Data.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
        fake.Events.ShouldContain(e => e.Type == "customer.created" && e.DataObject["id"]!.GetValue<string>() == created.Id);
    }

    [Fact]
    public async Task Updating_metadata_merges_keys_and_an_empty_value_removes_one()
    {
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = "ada@example.test",
            Metadata = new() { ["a"] = "1", ["b"] = "2" },
        });

        var updated = await client.V1.Customers.UpdateAsync(customer.Id, new CustomerUpdateOptions
        {
            Metadata = new() { ["b"] = "", ["c"] = "3" },
        });

        updated.Metadata.ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" });
    }

    [Fact]
    public async Task Balance_transactions_move_the_customer_balance_negative_being_credit()
    {
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" });
        var transactions = new CustomerBalanceTransactionService(client);

        var credit = await transactions.CreateAsync(customer.Id, new CustomerBalanceTransactionCreateOptions
        {
            Amount = -900,
            Currency = "eur",
            Description = "Referral bonus",
            Metadata = new() { ["referral"] = "ref_1" },
        });
        await transactions.CreateAsync(customer.Id, new CustomerBalanceTransactionCreateOptions { Amount = 200, Currency = "eur" });

        credit.Id.ShouldStartWith("cbtxn_");
        credit.Type.ShouldBe("adjustment");
        credit.Description.ShouldBe("Referral bonus");
        credit.EndingBalance.ShouldBe(-900);
        credit.Metadata["referral"].ShouldBe("ref_1");
        (await client.V1.Customers.GetAsync(customer.Id)).Balance.ShouldBe(-700);
        var listed = await transactions.ListAsync(customer.Id);
        listed.Data.Select(t => t.Amount).ShouldBe([200, -900]);
    }

    [Fact]
    public async Task A_POST_repeated_with_the_same_idempotency_key_is_replayed_and_creates_nothing_new()
    {
        var options = new CustomerCreateOptions { Email = "ada@example.test" };
        var request = new RequestOptions { IdempotencyKey = "create-ada" };

        var first = await client.V1.Customers.CreateAsync(options, request);
        var second = await client.V1.Customers.CreateAsync(options, request);

        second.Id.ShouldBe(first.Id);
        fake.Customers.Count.ShouldBe(1);
        second.StripeResponse.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        fake.Requests.Where(r => r.IdempotencyKey == "create-ada").Select(r => r.Replayed).ShouldBe([false, true]);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_with_other_parameters_is_an_idempotency_error()
    {
        var request = new RequestOptions { IdempotencyKey = "create-once" };
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" }, request);

        var refused = await Should.ThrowAsync<StripeException>(() =>
            client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "bob@example.test" }, request));

        refused.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.StripeError.Type.ShouldBe("idempotency_error");
        fake.Customers.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_API_key_is_refused_with_401()
    {
        var stranger = new StripeClient("sk_test_somebody_else", apiBase: fake.BaseUrl);

        var refused = await Should.ThrowAsync<StripeException>(() =>
            stranger.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" }));

        refused.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.StripeError.Type.ShouldBe("invalid_request_error");
        refused.StripeError.Message.ShouldStartWith("Invalid API Key provided");
        refused.StripeError.Message.ShouldNotContain("somebody_else");
        fake.Customers.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_without_an_API_key_gets_Stripe_s_401_error_JSON()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{fake.BaseUrl}/v1/customers");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You did not provide an API key");
    }

    [Fact]
    public async Task An_unknown_customer_is_404_resource_missing_and_an_unknown_path_is_404()
    {
        var missing = await Should.ThrowAsync<StripeException>(() => client.V1.Customers.GetAsync("cus_nope"));
        missing.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StripeError.Code.ShouldBe("resource_missing");
        missing.StripeError.Param.ShouldBe("id");
        missing.StripeError.Message.ShouldBe("No such customer: 'cus_nope'");

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", fake.ApiKey);
        using var response = await http.GetAsync($"{fake.BaseUrl}/v1/widgets");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Unrecognized request URL (GET: /v1/widgets)");
    }

    [Fact]
    public async Task A_missing_required_parameter_is_a_400_naming_the_parameter()
    {
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" });

        var refused = await Should.ThrowAsync<StripeException>(() =>
            new CustomerBalanceTransactionService(client).CreateAsync(customer.Id, new CustomerBalanceTransactionCreateOptions { Amount = -100 }));

        refused.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.StripeError.Param.ShouldBe("currency");
    }
}
