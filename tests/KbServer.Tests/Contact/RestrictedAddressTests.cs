using System.Net;
using KbServer.Contact;

namespace KbServer.Tests.Contact;

/// <summary>Which addresses count as private, and how hosts are normalized before the allow-list compares them.</summary>
public sealed class RestrictedAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.255.254", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("100.64.0.1", "a shared (CGNAT) address")]
    [InlineData("100.127.255.255", "a shared (CGNAT) address")]
    [InlineData("0.0.0.0", "an unspecified (\"this network\") address")]
    [InlineData("0.1.2.3", "an unspecified (\"this network\") address")]
    [InlineData("224.0.0.251", "a multicast address")]
    [InlineData("239.255.255.250", "a multicast address")]
    [InlineData("255.255.255.255", "a broadcast address")]
    [InlineData("240.0.0.1", "a reserved address")]
    [InlineData("192.0.2.10", "a documentation address")]
    [InlineData("198.18.0.1", "a reserved (benchmarking) address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fe80::1%2", "a link-local address")]
    [InlineData("febf::1", "a link-local address")]
    [InlineData("fc00::1", "a unique local address")]
    [InlineData("fd12:3456::1", "a unique local address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("2001:db8::1", "a documentation address")]
    [InlineData("::7f00:1", "a reserved address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("::ffff:169.254.169.254", "a link-local address")]
    [InlineData("::ffff:0.0.0.0", "an unspecified (\"this network\") address")]
    [InlineData("64:ff9b::a9fe:a9fe", "a link-local address")]
    [InlineData("64:ff9b::7f00:1", "a loopback address")]
    [InlineData("2002:c0a8:0101::1", "a private address")]
    [InlineData("2001:0:4136:e378::1", "a reserved (Teredo) address")]
    [InlineData("8.8.8.8", null)]
    [InlineData("1.1.1.1", null)]
    [InlineData("172.15.255.255", null)]
    [InlineData("172.32.0.0", null)]
    [InlineData("100.63.255.255", null)]
    [InlineData("100.128.0.0", null)]
    [InlineData("192.169.0.1", null)]
    [InlineData("11.0.0.1", null)]
    [InlineData("223.255.255.255", null)]
    [InlineData("2606:4700:4700::1111", null)]
    [InlineData("2a00:1450:4001:81c::200e", null)]
    [InlineData("::ffff:8.8.8.8", null)]
    [InlineData("64:ff9b::808:808", null)]
    [InlineData("2002:0808:0808::1", null)]
    public void Classify(string address, string? kind)
    {
        Assert.Equal(kind, WebhookDestinationGuard.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("0:0:0:0:0:0:0:1", "::1")]
    [InlineData("[::FFFF:7F00:1]", "::ffff:127.0.0.1")]
    [InlineData("Helpdesk.Example.COM.", "helpdesk.example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("XN--BCHER-KVA.example", "xn--bcher-kva.example")]
    public void NormalizeHost(string host, string expected)
    {
        Assert.Equal(expected, WebhookDestinationGuard.NormalizeHost(host));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 120)]
    [InlineData(3, 480)]
    [InlineData(4, 1920)]
    [InlineData(5, 3600)]
    [InlineData(50, 3600)]
    public void NextAttemptDelay_BacksOffToAnHour(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), HelpdeskWebhookSender.NextAttemptDelay(attempt));
    }
}
