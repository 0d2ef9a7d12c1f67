using System.Security.Cryptography;
using System.Text;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>The status page's one stylesheet, and the Content-Security-Policy that lets only it apply.</summary>
public static class StatusPageStyle
{
    /// <summary>
    /// Phone first: one column that never scrolls sideways (long titles wrap anywhere); the timeline is a row of 30 columns
    /// of stacked blocks, one per incident, drawn by CSS alone.
    /// </summary>
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:48rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;overflow-wrap:anywhere}
        h1{font-size:1.4rem;margin:0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:0}
        .as-of,.meta,.none,.ends,footer{color:#59636e;font-size:.9rem}
        ul,ol{list-style:none;margin:0;padding:0}
        .incident{border:1px solid #d1d9e0;border-left-width:.4rem;border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0}
        .incident .title{display:block;font-weight:600}.incident .meta{display:block}
        .severity{display:inline-block;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em}
        .unack{color:#b60205;font-weight:600}.ack{color:#1a7f37}
        .rotation{border:1px solid #d1d9e0;border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0}.rotation p{margin:.25rem 0}
        .handoffs li{font-size:.9rem}
        .days{display:grid;grid-template-columns:repeat(30,1fr);gap:2px;align-items:end;height:6rem;border-bottom:1px solid #d1d9e0}
        .days li{position:relative;display:flex;flex-direction:column-reverse;gap:1px;height:100%;min-width:0;background:#f6f8fa}
        .days i,.legend i{display:block;height:.5rem;border-radius:1px}
        .label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .ends{display:flex;justify-content:space-between;margin:.25rem 0}
        .legend{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.9rem}.legend li{display:flex;align-items:center;gap:.3rem}.legend i{width:.8rem}
        .sev0{border-left-color:#b60205}.sev1{border-left-color:#d4a72c}.sev2{border-left-color:#0969da}.sev3{border-left-color:#818b98}
        i.sev0{background:#b60205}i.sev1{background:#d4a72c}i.sev2{background:#0969da}i.sev3{background:#818b98}
        .sev0 .severity{color:#b60205}.sev1 .severity{color:#9a6700}.sev2 .severity{color:#0969da}.sev3 .severity{color:#59636e}
        """;

    /// <summary>The CSP source of <see cref="Css"/>: its SHA-256, as browsers hash the text between the style tags.</summary>
    public static string Hash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)));

    /// <summary>Nothing loads, runs, submits or frames the page; only its own stylesheet applies.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
