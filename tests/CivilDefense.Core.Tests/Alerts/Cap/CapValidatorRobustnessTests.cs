using System.Xml.Linq;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

/// <summary>The validator must answer with findings, never an exception, whatever it is given.</summary>
public sealed class CapValidatorRobustnessTests
{
    private static readonly string[] Garbage = ["", " ", "NaN", "1e400", "-0", "∞", "10.5,", ",", "a,b c", "2026-13-45T99:99:99+99:99", "\u0001", new string('9', 400), "10,20 30", "<b>x</b>"];

    [Fact]
    public void Every_element_emptied_or_filled_with_garbage_gives_findings_without_crashing()
    {
        var count = CapSamples.Element().DescendantsAndSelf().Count();
        for (var index = 1; index < count; index++)
        {
            foreach (var text in Garbage)
            {
                var alert = CapSamples.Element();
                var target = alert.DescendantsAndSelf().ElementAt(index);
                if (target.HasElements)
                {
                    target.RemoveNodes();
                }

                target.Value = text;

                var findings = CapValidator.Validate(alert);

                Assert.DoesNotContain(findings, f => f.Rule == CapRules.Unreadable);
                _ = CapReading.Of(alert);
            }
        }
    }

    [Fact]
    public void Removing_each_element_gives_findings_without_crashing()
    {
        var count = CapSamples.Element().Descendants().Count();
        for (var index = 0; index < count; index++)
        {
            var alert = CapSamples.Element();
            alert.Descendants().ElementAt(index).Remove();

            var findings = CapValidator.Validate(alert);

            Assert.DoesNotContain(findings, f => f.Rule == CapRules.Unreadable && f.Message.StartsWith("Validation stopped", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_unrelated_element_is_one_finding()
    {
        var findings = CapValidator.Validate(new XElement("html"));

        Assert.Equal(CapRules.Root, Assert.Single(findings).Rule);
    }
}
