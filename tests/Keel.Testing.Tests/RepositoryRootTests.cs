namespace Keel.Testing.Tests;

public sealed class RepositoryRootTests
{
    [Fact]
    public void The_repository_root_holds_the_solution_file()
    {
        var root = RepositoryRoot.Find();

        File.Exists(Path.Combine(root, RepositoryRoot.SolutionFileName)).ShouldBeTrue();
        Directory.Exists(Path.Combine(root, "tests", "Keel.Testing")).ShouldBeTrue();
    }

    [Fact]
    public void Searching_outside_the_repository_fails_with_a_clear_message()
    {
        var outside = Directory.CreateTempSubdirectory("keel-root-test").FullName;
        try
        {
            Should.Throw<DirectoryNotFoundException>(() => RepositoryRoot.Find(outside)).Message.ShouldContain("Keel.slnx");
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
