using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Ansatze;

/// <summary>The nearest-neighbour CNOT ring shared by the hardware-efficient and basic entangler ansätze.</summary>
internal static class AnsatzRings
{
    /// <summary>
    /// CNOT(i, i+1 mod n) for every i when n &gt; 2; one CNOT(0, 1) when n = 2, as PennyLane's BasicEntanglerLayers does
    /// (the ring would apply CNOT(0,1) then CNOT(1,0)); nothing when n = 1.
    /// </summary>
    public static void AppendRing(CircuitBuilder builder, int n)
    {
        if (n == 2) builder.CNOT(0, 1);
        else if (n > 2)
            for (int i = 0; i < n; i++) builder.CNOT(i, (i + 1) % n);
    }
}
