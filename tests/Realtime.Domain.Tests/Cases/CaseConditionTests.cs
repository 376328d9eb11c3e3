using Realtime.Domain.Cases;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Cases;

public class CaseConditionTests
{
    private static Dictionary<string, CaseAttribute> Claim(double? amount, bool? injury, string? region = null)
    {
        var attributes = new Dictionary<string, CaseAttribute>();
        if (amount is { } a) attributes["amount"] = CaseAttribute.Of(a);
        if (injury is { } i) attributes["injury"] = CaseAttribute.Of(i);
        if (region is not null) attributes["region"] = CaseAttribute.Of(region);
        return attributes;
    }

    [Theory]
    [InlineData(2999.99, false, true)]
    [InlineData(3000, false, false)]
    [InlineData(1000, true, false)]
    public void Small_non_injury_claims_match_amount_below_3000_and_no_injury(double amount, bool injury, bool expected)
    {
        var condition = CaseCondition.Parse("amount < 3000 and injury == false");

        Assert.Equal(expected, condition.Matches(Claim(amount, injury)));
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_group()
    {
        var loose = CaseCondition.Parse("injury == true or amount < 100 and region == 'north'");
        var grouped = CaseCondition.Parse("(injury == true or amount < 100) and region == \"north\"");

        var injuredSouth = Claim(5000, true, "south");
        Assert.True(loose.Matches(injuredSouth));
        Assert.False(grouped.Matches(injuredSouth));
        Assert.True(grouped.Matches(Claim(50, false, "north")));
    }

    [Theory]
    [InlineData("amount <= 3000", 3000, true)]
    [InlineData("amount >= 3000", 2999, false)]
    [InlineData("amount > -1", 0, true)]
    [InlineData("amount != 3000", 3000, false)]
    [InlineData("amount == 3000.5", 3000.5, true)]
    public void Numbers_compare_as_numbers(string text, double amount, bool expected) =>
        Assert.Equal(expected, CaseCondition.Parse(text).Matches(Claim(amount, null)));

    [Fact]
    public void A_missing_attribute_or_one_of_another_kind_makes_its_comparison_false()
    {
        Assert.False(CaseCondition.Parse("amount < 3000").Matches(Claim(null, false)));
        Assert.False(CaseCondition.Parse("amount != 3000").Matches(Claim(null, false)));
        Assert.False(CaseCondition.Parse("injury == false").Matches(new Dictionary<string, CaseAttribute> { ["injury"] = CaseAttribute.Of("false") }));
        Assert.True(CaseCondition.Parse("amount < 3000 or injury == false").Matches(Claim(null, false)));
    }

    [Theory]
    [InlineData("amount < ", "at position 10: expected a number, true, false or a quoted string after 'amount <'")]
    [InlineData("amount = 3000", "at position 8: '=' is not an operator (use ==, !=, <, <=, >, >=)")]
    [InlineData("amount < 3000 and", "at position 18: expected a comparison such as amount < 3000")]
    [InlineData("amount < 3000 injury == false", "at position 15: expected 'and', 'or' or the end, not 'injury'")]
    [InlineData("injury < true", "at position 8: '<' compares numbers only; use == or != with true")]
    [InlineData("(amount < 3000", "at position 15: expected ')'")]
    [InlineData("region == 'north", "at position 11: the quoted string is not closed")]
    [InlineData("amount ~ 3", "at position 8: unexpected '~'")]
    [InlineData("3000 > amount", "at position 1: expected an attribute name, not '3000'")]
    public void An_invalid_condition_says_where_and_what(string text, string problem)
    {
        Assert.False(CaseCondition.TryParse(text, out var condition, out var actual));
        Assert.Null(condition);
        Assert.Equal(problem, actual);
    }
}
