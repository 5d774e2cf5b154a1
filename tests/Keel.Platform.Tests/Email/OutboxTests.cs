using System.Net;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Tests.Email;

public sealed class OutboxTests
{
    [Fact]
    public async Task Mail_queued_while_the_smtp_server_is_down_goes_out_when_it_returns()
    {
        var smtp = new SmtpListener();
        await using var server = await KeelTestServer.StartAsync(o => o.Smtp = smtp);
        var email = KeelApi.NewEmail();

        (await server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitUntilAsync(server, m => m.To == email && m.Attempts >= 2);
        var queued = await MessageAsync(server, email);
        queued.Status.ShouldBe(OutboxStatus.Queued);
        queued.LastError.ShouldNotBeNull();

        await smtp.StartAsync();
        var received = await smtp.WaitForMessageAsync(m => m.EnvelopeRecipients.Contains(email) && m.Message.Subject == "Your sign-in link", TimeSpan.FromSeconds(15));
        received.Message.Subject.ShouldBe("Your sign-in link");
        received.Message.TextBody!.ShouldContain("/auth/magic?token=");
        received.Message.HtmlBody!.ShouldContain("Sign in");
        await WaitUntilAsync(server, m => m.To == email && m.Status == OutboxStatus.Sent);
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_until_it_succeeds()
    {
        await using var smtp = new SmtpListener();
        await smtp.StartAsync();
        smtp.TemporaryFailure = SmtpTemporaryFailure.LocalError451;
        await using var server = await KeelTestServer.StartAsync(o => o.Smtp = smtp);
        var email = KeelApi.NewEmail();

        await server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email });
        await WaitUntilAsync(server, m => m.To == email && m.Attempts >= 1);
        smtp.TemporaryFailure = SmtpTemporaryFailure.None;
        await smtp.WaitForMessageAsync(m => m.EnvelopeRecipients.Contains(email) && m.Message.Subject == "Your sign-in link", TimeSpan.FromSeconds(15));
        await WaitUntilAsync(server, m => m.To == email && m.Status == OutboxStatus.Sent);
    }

    [Fact]
    public async Task Queued_mail_bodies_are_sealed_in_the_database()
    {
        await using var server = await KeelTestServer.StartAsync();
        var email = KeelApi.NewEmail();
        await server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email });
        var stored = await MessageAsync(server, email);
        stored.TextBody.ShouldNotContain("token=");
        stored.HtmlBody.ShouldNotContain("token=");
    }

    [Fact]
    public async Task Backoff_doubles_and_stops_growing_at_the_configured_maximum()
    {
        await using var server = await KeelTestServer.StartAsync(o => o.Settings["Keel:Email:MaxBackoff"] = "00:10:00");
        var sender = server.Services.GetRequiredService<OutboxSender>();
        sender.Backoff(1).ShouldBe(TimeSpan.FromSeconds(5));
        sender.Backoff(2).ShouldBe(TimeSpan.FromSeconds(10));
        sender.Backoff(5).ShouldBe(TimeSpan.FromSeconds(80));
        sender.Backoff(30).ShouldBe(TimeSpan.FromMinutes(10));
    }

    private static async Task<OutboxMessage> MessageAsync(KeelTestServer server, string to)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeelDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to);
    }

    private static async Task WaitUntilAsync(KeelTestServer server, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var messages = await scope.ServiceProvider.GetRequiredService<KeelDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
            if (messages.Any(condition)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The outbox never reached the expected state.");
    }
}
