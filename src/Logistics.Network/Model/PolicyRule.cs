namespace Logistics.Network.Model;

/// <summary>A policy rule. Disabled rules stay in the snapshot (a scenario may enable them) but do not bind.</summary>
public abstract record PolicyRule(RuleId Id, string Description, bool Enabled);
