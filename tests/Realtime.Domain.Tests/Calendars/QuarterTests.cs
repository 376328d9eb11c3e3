using Realtime.Domain.Calendars;

namespace Realtime.Domain.Tests.Calendars;

public class QuarterTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly CompanyCalendar _calendar = CompanyCalendar.Default;

    [Theory]
    [InlineData("2026Q1", 2026, 1)]
    [InlineData("2026Q3", 2026, 3)]
    [InlineData("1999Q4", 1999, 4)]
    public void Parses_the_strict_form_and_prints_it_back(string text, int year, int number)
    {
        var quarter = Quarter.Parse(text);

        Assert.Equal(new Quarter(year, number), quarter);
        Assert.Equal(text, quarter.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2026q3")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData(" 2026Q3")]
    [InlineData("2026Q3 ")]
    [InlineData("26Q3")]
    [InlineData("2026-Q3")]
    [InlineData("0000Q1")]
    [InlineData("２０２６Q3")]
    public void Rejects_anything_else(string? text)
    {
        Assert.False(Quarter.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Quarter.Parse(text));
        }
    }

    [Fact]
    public void The_last_second_of_September_is_Q3_and_midnight_is_Q4()
    {
        Assert.Equal(Quarter.Parse("2026Q3"), _calendar.QuarterOf(new DateTimeOffset(2026, 9, 30, 23, 59, 59, China)));
        Assert.Equal(Quarter.Parse("2026Q4"), _calendar.QuarterOf(new DateTimeOffset(2026, 10, 1, 0, 0, 0, China)));
    }

    [Fact]
    public void Quarters_are_reckoned_in_the_company_zone_not_in_the_instant_offset()
    {
        // 16:00 UTC on 30 September is already midnight, 1 October, in Shanghai.
        Assert.Equal(Quarter.Parse("2026Q4"), _calendar.QuarterOf(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Quarter.Parse("2026Q3"), _calendar.QuarterOf(new DateTimeOffset(2026, 9, 30, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 10, 1), _calendar.DateOf(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Start_and_end_are_local_midnights_with_an_exclusive_end()
    {
        var q4 = Quarter.Parse("2026Q4");

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, China), q4.Start(_calendar));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, China), q4.End(_calendar));
        Assert.Equal(new DateOnly(2026, 12, 31), q4.LastDay);
        Assert.Equal(Quarter.Parse("2027Q1"), q4.Next());
        Assert.Equal(Quarter.Parse("2026Q3"), q4.Previous());
        Assert.Equal(Quarter.Parse("2025Q4"), Quarter.Parse("2026Q1").Previous());
    }

    [Fact]
    public void The_start_of_a_local_day_is_midnight_in_the_company_zone()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, China), _calendar.StartOfDay(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Quarters_order_and_serialize_as_their_string_form()
    {
        Assert.True(Quarter.Parse("2026Q4") > Quarter.Parse("2026Q3"));
        Assert.True(Quarter.Parse("2027Q1") > Quarter.Parse("2026Q4"));
        var json = System.Text.Json.JsonSerializer.Serialize(Quarter.Parse("2026Q3"));
        Assert.Equal("\"2026Q3\"", json);
        Assert.Equal(Quarter.Parse("2026Q3"), System.Text.Json.JsonSerializer.Deserialize<Quarter>(json));
    }
}
