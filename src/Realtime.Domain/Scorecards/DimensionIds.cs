namespace Realtime.Domain.Scorecards;

/// <summary>The stable wire ids of the scorecard's dimensions.</summary>
public static class DimensionIds
{
    /// <summary>客户满意度, 40 % by default.</summary>
    public const string CustomerSatisfaction = "customer_satisfaction";
    /// <summary>业务能力, 25 % by default.</summary>
    public const string BusinessAbility = "business_ability";
    /// <summary>沟通协作, 20 % by default.</summary>
    public const string Communication = "communication";
    /// <summary>个人成长, 15 % by default.</summary>
    public const string PersonalGrowth = "personal_growth";
}
