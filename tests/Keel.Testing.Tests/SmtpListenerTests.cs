using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Keel.Testing.Tests;

public sealed class SmtpListenerTests : IAsyncLifetime
{
    readonly SmtpListener smtp = new();

    public Task InitializeAsync() => smtp.StartAsync();

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    [Fact]
    public async Task A_message_sent_with_MailKit_arrives_with_envelope_subject_body_and_attachment()
    {
        const string text = "Hello Ada,\r\n.this line starts with a dot\r\n..and this one with two\r\nBye";
        var message = NewMessage("Invoice 42", text);
        var builder = new BodyBuilder { TextBody = text };
        builder.Attachments.Add("invoice.txt", Encoding.UTF8.GetBytes("total: 42 EUR"), new ContentType("text", "plain"));
        message.Body = builder.ToMessageBody();

        await SendAsync(message);

        var received = await smtp.WaitForMessageAsync(mail => mail.Message.Subject == "Invoice 42");
        received.EnvelopeFrom.ShouldBe("billing@keel.test");
        received.EnvelopeRecipients.ShouldBe(["ada@example.test"]);
        received.ClientName.ShouldNotBeNullOrEmpty();
        Text(received).ShouldBe(text);
        Encoding.UTF8.GetString(received.Data.Span).ShouldContain("\r\n.this line starts with a dot\r\n..and this one with two\r\n");
        var attachment = received.Message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("invoice.txt");
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Encoding.UTF8.GetString(content.ToArray()).ShouldBe("total: 42 EUR");
    }

    [Fact]
    public async Task A_message_for_several_recipients_keeps_every_envelope_recipient()
    {
        var message = NewMessage("Team news", "Hi all");
        message.Cc.Add(MailboxAddress.Parse("grace@example.test"));
        message.Bcc.Add(MailboxAddress.Parse("linus@example.test"));

        await SendAsync(message);

        var received = await smtp.WaitForMessageAsync();
        received.EnvelopeRecipients.ShouldBe(["ada@example.test", "grace@example.test", "linus@example.test"], ignoreOrder: true);
        received.Message.Bcc.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stopped_listener_refuses_connections_and_accepts_mail_again_on_the_same_port_after_restart()
    {
        var port = smtp.Port;
        await smtp.StopAsync();

        var refused = await Should.ThrowAsync<SocketException>(() => SendAsync(NewMessage("While down", "queued")));
        refused.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
        smtp.IsRunning.ShouldBeFalse();

        await smtp.StartAsync();
        await SendAsync(NewMessage("After restart", "delivered"));

        smtp.Port.ShouldBe(port);
        (await smtp.WaitForMessageAsync()).Message.Subject.ShouldBe("After restart");
    }

    [Fact]
    public async Task Stopping_drops_connections_that_are_already_open()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);

        await smtp.StopAsync();

        await Should.ThrowAsync<Exception>(() => client.NoOpAsync());
    }

    [Fact]
    public async Task A_451_answer_to_MAIL_FROM_fails_the_send_with_a_transient_status()
    {
        smtp.TemporaryFailure = SmtpTemporaryFailure.LocalError451;

        var failure = await Should.ThrowAsync<SmtpCommandException>(() => SendAsync(NewMessage("Busy", "later")));

        ((int)failure.StatusCode).ShouldBe(451);
        smtp.TemporaryFailure = SmtpTemporaryFailure.None;
        await SendAsync(NewMessage("Busy", "now"));
        Text(await smtp.WaitForMessageAsync()).ShouldBe("now");
    }

    [Fact]
    public async Task A_421_answer_to_MAIL_FROM_fails_the_send_and_closes_the_connection()
    {
        smtp.TemporaryFailure = SmtpTemporaryFailure.ServiceNotAvailable421;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);

        var failure = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(NewMessage("Closing", "later")));

        ((int)failure.StatusCode).ShouldBe(421);
        client.IsConnected.ShouldBeFalse();
        smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_connections_all_deliver()
    {
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => SendAsync(NewMessage($"Parallel {i}", $"body {i}"))));

        smtp.Messages.Select(mail => mail.Message.Subject).ShouldBe(
            Enumerable.Range(1, 8).Select(i => $"Parallel {i}"), ignoreOrder: true);
        smtp.ConnectionCount.ShouldBe(8);
    }

    [Fact]
    public async Task One_connection_can_send_several_messages()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(NewMessage("One", "1"));
        await client.SendAsync(NewMessage("Two", "2"));
        await client.DisconnectAsync(quit: true);

        smtp.Messages.Select(mail => mail.Message.Subject).ShouldBe(["One", "Two"]);
        smtp.ConnectionCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_protocol_answers_each_command_with_the_RFC_5321_reply_code()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port);
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        var stream = client.GetStream();

        async Task<string> SayAsync(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            return await ReadReplyAsync(reader);
        }

        (await ReadReplyAsync(reader)).ShouldStartWith("220 ");
        (await SayAsync("MAIL FROM:<a@keel.test>")).ShouldStartWith("503 ");
        var ehlo = await SayAsync("EHLO tester.local");
        ehlo.ShouldStartWith("250-");
        ehlo.ShouldContain("250-SIZE");
        ehlo.ShouldContain("250 8BITMIME");
        (await SayAsync("HELO tester.local")).ShouldStartWith("250 ");
        (await SayAsync("NOOP")).ShouldStartWith("250 ");
        (await SayAsync("DATA")).ShouldStartWith("503 ");
        (await SayAsync("MAIL FROM:<a@keel.test>")).ShouldStartWith("250 ");
        (await SayAsync("RCPT TO:<b@keel.test>")).ShouldStartWith("250 ");
        (await SayAsync("RSET")).ShouldStartWith("250 ");
        (await SayAsync("RCPT TO:<b@keel.test>")).ShouldStartWith("503 ");
        (await SayAsync("MAIL FROM:<>")).ShouldStartWith("250 ");
        (await SayAsync("RCPT TO:<b@keel.test>")).ShouldStartWith("250 ");
        (await SayAsync("DATA")).ShouldStartWith("354 ");
        (await SayAsync("Subject: raw\r\n\r\n..leading dot\r\n.")).ShouldStartWith("250 ");
        (await SayAsync("VRFY b")).ShouldStartWith("502 ");
        (await SayAsync("FROBNICATE")).ShouldStartWith("500 ");
        (await SayAsync("QUIT")).ShouldStartWith("221 ");
        (await reader.ReadLineAsync()).ShouldBeNull();

        var received = smtp.Messages.ShouldHaveSingleItem();
        received.EnvelopeFrom.ShouldBe("");
        received.ClientName.ShouldBe("tester.local");
        Encoding.ASCII.GetString(received.Data.Span).ShouldBe("Subject: raw\r\n\r\n.leading dot\r\n");
    }

    [Fact]
    public async Task Waiting_for_a_message_that_never_comes_times_out_naming_what_did_arrive()
    {
        await SendAsync(NewMessage("Welcome", "hi"));

        var timeout = await Should.ThrowAsync<TimeoutException>(() =>
            smtp.WaitForMessageAsync(mail => mail.Message.Subject == "Password reset", TimeSpan.FromMilliseconds(200)));

        timeout.Message.ShouldContain("'Welcome' to ada@example.test");
    }

    [Fact]
    public async Task Waiting_returns_a_message_that_arrives_during_the_wait()
    {
        var waiting = smtp.WaitForMessageAsync(mail => mail.Message.Subject == "Later");

        await SendAsync(NewMessage("Sooner", "1"));
        await SendAsync(NewMessage("Later", "2"));

        Text(await waiting).ShouldBe("2");
    }

    // MimeKit ends a serialized text part with a newline and reads line breaks back as \n.
    static string Text(ReceivedMail mail) => (mail.Message.TextBody ?? "").TrimEnd().ReplaceLineEndings("\r\n");

    static MimeMessage NewMessage(string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("billing@keel.test"));
        message.To.Add(MailboxAddress.Parse("ada@example.test"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    static async Task<string> ReadReplyAsync(StreamReader reader)
    {
        var reply = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            reply.AppendLine(line);
            if (line.Length < 4 || line[3] != '-')
            {
                break;
            }
        }

        return reply.ToString();
    }
}
