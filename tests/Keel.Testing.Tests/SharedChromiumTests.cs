using Keel.Testing.Browser;
using Shouldly;
using Xunit;

namespace Keel.Testing.Tests;

public class SharedChromiumTests
{
    [Fact]
    public async Task Renders_a_page_and_runs_its_script()
    {
        await using var context = await SharedChromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SetContentAsync("<h1 id=t>before</h1><script>document.getElementById('t').textContent = 'after'</script>");

        (await page.TextContentAsync("#t")).ShouldBe("after");
    }
}
