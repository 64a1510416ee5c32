using System.Management.Automation.Language;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>Every script under deploy/windows, read by PowerShell's own parser.</summary>
public class DeployScriptTests
{
    // Variables PowerShell defines; anything else a script reads must be assigned or be a parameter, or
    // Set-StrictMode -Version Latest stops it at run time.
    private static readonly HashSet<string> Automatic = new(StringComparer.OrdinalIgnoreCase)
    {
        "_", "PSItem", "args", "true", "false", "null", "ErrorActionPreference", "PSVersionTable", "PSScriptRoot",
        "PSCmdlet", "LASTEXITCODE", "Error", "Host", "input", "Matches", "PWD", "WhatIfPreference", "ConfirmPreference",
    };

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DeployWindows, "*.ps1").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void TheCaptureScriptIsShipped() => Assert.True(File.Exists(Path.Combine(RepoPaths.DeployWindows, "Save-AzLocalCapture.ps1")));

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParsesWithoutErrors(string script)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.DeployWindows, script), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void TheScriptAndEveryFunctionUseAnApprovedVerb(string script)
    {
        var approved = PowerShellHost.Run("Get-Verb | ForEach-Object Verb").Select(v => v.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ast = Parser.ParseFile(Path.Combine(RepoPaths.DeployWindows, script), out _, out _);
        var names = ast.FindAll(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: true).Cast<FunctionDefinitionAst>().Select(f => f.Name)
            .Append(Path.GetFileNameWithoutExtension(script));

        Assert.True(approved.Count > 90, "Get-Verb returned too few verbs to judge by");
        Assert.All(names, name => Assert.Contains(name.Split('-')[0], approved));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ReadsNoVariableItNeverSets_AsStrictModeLatestRequires(string script)
    {
        var ast = Parser.ParseFile(Path.Combine(RepoPaths.DeployWindows, script), out _, out _);
        var assigned = ast.FindAll(a => a is AssignmentStatementAst, true).Cast<AssignmentStatementAst>()
            .SelectMany(a => a.Left.FindAll(l => l is VariableExpressionAst, true)).Cast<VariableExpressionAst>().Select(v => v.VariablePath.UserPath)
            .Concat(ast.FindAll(a => a is ParameterAst, true).Cast<ParameterAst>().Select(p => p.Name.VariablePath.UserPath))
            .Concat(ast.FindAll(a => a is ForEachStatementAst, true).Cast<ForEachStatementAst>().Select(f => f.Variable.VariablePath.UserPath))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unset = ast.FindAll(a => a is VariableExpressionAst, true).Cast<VariableExpressionAst>()
            .Where(v => !v.VariablePath.IsDriveQualified && !Automatic.Contains(v.VariablePath.UserPath) && !assigned.Contains(v.VariablePath.UserPath))
            .Select(v => $"{v.Extent.StartLineNumber}: ${v.VariablePath.UserPath}").ToList();

        Assert.True(unset.Count == 0, "read but never set: " + string.Join(", ", unset));
    }
}
