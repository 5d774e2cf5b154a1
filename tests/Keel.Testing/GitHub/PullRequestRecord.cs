namespace Keel.Testing.GitHub;

sealed class PullRequestRecord(int number, string headSha, string headBranch, string baseBranch, string headRepository, bool open)
{
    public int Number { get; } = number;
    public string HeadSha { get; } = headSha;
    public string HeadBranch { get; } = headBranch;
    public string BaseBranch { get; } = baseBranch;
    public string HeadRepository { get; } = headRepository;
    public bool Open { get; set; } = open;
}
