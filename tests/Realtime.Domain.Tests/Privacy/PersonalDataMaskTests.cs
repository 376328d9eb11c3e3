using Realtime.Domain.Privacy;

namespace Realtime.Domain.Tests.Privacy;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("𠀀三", "𠀀*")]
    [InlineData("张", "*")]
    [InlineData("", "")]
    public void Name_keeps_only_the_first_character(string name, string masked)
    {
        Assert.Equal(masked, PersonalDataMask.Name(name));
    }

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("02112345678", "021****5678")]
    [InlineData("95511", "*5511")]
    [InlineData("010-8888-6666", "***-****-6666")]
    [InlineData("+86 13812341234", "+** *******1234")]
    [InlineData("1234", "****")]
    public void Phone_keeps_first_three_and_last_four_of_eleven_digits_and_only_the_last_four_otherwise(string phone, string masked)
    {
        Assert.Equal(masked, PersonalDataMask.Phone(phone));
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(PersonalDataMask.Name(null));
        Assert.Null(PersonalDataMask.Phone(null));
    }
}
