using DecisionAid.Core.Content;
using DecisionAid.Rendering.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DecisionAid.Rendering;

/// <summary>Renders aids outside a web request (the CLI, tests) with the same Razor components the web site uses.</summary>
public sealed class AidRenderer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    public AidRenderer()
    {
        _services = new ServiceCollection().AddLogging().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>One self-contained HTML document: styles, pictures and icon arrays inline, no outside requests.</summary>
    public Task<string> RenderStandaloneAsync(Aid aid, string language)
    {
        ArgumentNullException.ThrowIfNull(aid);
        if (!aid.Texts.ContainsKey(language))
            throw new ArgumentException($"the aid '{aid.Id}' has no text in '{language}'", nameof(language));
        return RenderAsync<StandaloneAidPage>(new Dictionary<string, object?> { ["Aid"] = aid, ["Language"] = language });
    }

    /// <summary>The aftercare part as one self-contained HTML document (every item, each marked with what it is for).</summary>
    public Task<string> RenderStandaloneAftercareAsync(Aid aid, string language)
    {
        ArgumentNullException.ThrowIfNull(aid);
        return RenderAsync<StandaloneAftercarePage>(new Dictionary<string, object?> { ["Aid"] = aid, ["Language"] = language });
    }

    /// <summary>
    /// A packet's content as the patient sees it: what to do, "Your risks", the aid's parts for the chosen nerve and
    /// method (the others closed under "Other treatments in this guide"), without its knowledge check (the packet
    /// asks that itself), and the packet's own aftercare with the practice's numbers. The packet page shows exactly
    /// this HTML, and a consent seals its hash.
    /// </summary>
    public Task<string> RenderPacketContentAsync(Aid aid, string language, Core.Personalising.YourRisks risks, RenderOptions options, Document.PracticeBrand? brand = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        ArgumentNullException.ThrowIfNull(risks);
        return RenderAsync<AidArticle>(new Dictionary<string, object?>
        {
            ["Aid"] = aid, ["Language"] = language, ["Options"] = options, ["Risks"] = risks, ["Brand"] = brand,
        });
    }

    /// <summary>The aftercare part alone: every item (no choices) for the public page, or one packet's items.</summary>
    public Task<string> RenderAftercareAsync(Aid aid, string language, Core.Personalising.PacketChoices? choices, Document.PracticeBrand? brand = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        return RenderAsync<AftercareSection>(new Dictionary<string, object?>
        {
            ["Aid"] = aid, ["Language"] = language, ["Choices"] = choices, ["Brand"] = brand,
        });
    }

    /// <summary>An aid version's standards dossier as one self-contained HTML document.</summary>
    public Task<string> RenderDossierAsync(Core.Standards.Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return RenderAsync<Dossiers.DossierPage>(new Dictionary<string, object?> { ["Dossier"] = dossier });
    }

    private Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
