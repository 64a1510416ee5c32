namespace AzLocalMonitor.Rules.Auth;

/// <summary>A configured token, resolved: its name, the SHA-256 of its secret, the roles it grants, its clusters.</summary>
public sealed record TokenCredential(string Name, byte[] SecretHash, IReadOnlySet<string> Roles, ClusterScope Clusters);
