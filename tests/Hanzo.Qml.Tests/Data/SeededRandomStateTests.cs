using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Data;

public class SeededRandomStateTests
{
    [Fact]
    public void ARestoredStreamDrawsWhatTheOriginalWouldHaveDrawn()
    {
        var a = new SeededRandom(SeededRandom.Derive(42, 2));
        for (int i = 0; i < 17; i++) a.NextUInt64();
        a.NextNormal(); // leaves a spare normal held, which the state must carry
        var b = new SeededRandom(a.GetState());
        Assert.NotNull(a.GetState().SpareNormal);
        Assert.Equal(a.NextNormal(), b.NextNormal());
        Assert.Equal(a.Permutation(30), b.Permutation(30));
        Assert.Equal(a.NextDouble(), b.NextDouble());
        Assert.Equal(a.GetState(), b.GetState());
    }
}
