namespace CivilDefense.Core.Alerts.Cap;

// The code lists of OASIS CAP 1.2 (section 3.2). The member names are the XML values exactly,
// so Enum.ToString() and Enum.TryParse(ignoreCase: false) are the wire format.

/// <summary>&lt;status&gt;: how the message is to be handled.</summary>
public enum CapStatus
{
    Actual,
    Exercise,
    System,
    Test,
    Draft,
}

/// <summary>&lt;msgType&gt;: the nature of the message.</summary>
public enum CapMessageType
{
    Alert,
    Update,
    Cancel,
    Ack,
    Error,
}

/// <summary>&lt;scope&gt;: who may see the message.</summary>
public enum CapScope
{
    Public,
    Restricted,
    Private,
}

/// <summary>&lt;category&gt; of the subject event.</summary>
public enum CapCategory
{
    Geo,
    Met,
    Safety,
    Security,
    Rescue,
    Fire,
    Health,
    Env,
    Transport,
    Infra,
    CBRNE,
    Other,
}

/// <summary>&lt;responseType&gt;: the action recommended to the audience.</summary>
public enum CapResponseType
{
    Shelter,
    Evacuate,
    Prepare,
    Execute,
    Avoid,
    Monitor,
    Assess,
    AllClear,
    None,
}

/// <summary>&lt;urgency&gt;: when responsive action should be taken.</summary>
public enum CapUrgency
{
    Immediate,
    Expected,
    Future,
    Past,
    Unknown,
}

/// <summary>&lt;severity&gt;: how bad the threat to life or property is.</summary>
public enum CapSeverity
{
    Extreme,
    Severe,
    Moderate,
    Minor,
    Unknown,
}

/// <summary>&lt;certainty&gt;: how sure the sender is of the event.</summary>
public enum CapCertainty
{
    Observed,
    Likely,
    Possible,
    Unlikely,
    Unknown,
}
