using System.Net;
using System.Text;
using System.Text.Json;
using KbCore.Accounts;
using KbCore.Tests.Infrastructure;
using KbServer.Tests.Infrastructure;
using SkiaSharp;

namespace KbServer.Tests.Studio;

/// <summary>
/// Images pasted into the editor on a real server: bombs refused from their header, metadata gone from what git
/// stores, the picture (and a photo's rotation) intact.
/// </summary>
public sealed class ImageUploadTests(KestrelServerFactory server) : IClassFixture<KestrelServerFactory>
{
    [Fact]
    public async Task Uploads_DeclaringTooManyPixels_AreRefusedWithTheSize()
    {
        var author = await StudioSession.NewUserAsync(server, "bomb@example.com", KbRoles.Author);

        var bomb = await author.UploadImageAsync("bomb.png", TestImages.PngBomb(20_000));
        var claimed = await author.UploadImageAsync("claimed.png", TestImages.PngWithHeader(65535, 65535, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
        var cut = await author.UploadImageAsync("cut.jpg", TestImages.Jpeg(64, 64)[..300]);

        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("bomb.png cannot be used: the image is 20000 × 20000 pixels (400 megapixels); images can have at most 40 megapixels.", await ErrorAsync(bomb), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, claimed.StatusCode);
        Assert.Contains("65535 × 65535", await ErrorAsync(claimed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cut.StatusCode);
        Assert.Contains("truncated", await ErrorAsync(cut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadedImages_ReachGitWithoutTheirMetadata_AndStillShowTheSamePicture()
    {
        var author = await StudioSession.NewUserAsync(server, "photos@example.com", KbRoles.Author);
        var png = TestImages.Png(40, 20);
        var taggedPng = TestImages.WithPngChunks(
            png,
            TestImages.PngChunk("tEXt", "Author\0Dana Secret"u8.ToArray()),
            TestImages.PngChunk("eXIf", TestImages.ExifWithGps(1)[6..]));
        var jpeg = TestImages.Jpeg(64, 32);
        var taggedJpeg = TestImages.WithJpegSegments(
            jpeg,
            TestImages.JpegSegment(0xE1, TestImages.ExifWithGps(orientation: 6)),
            TestImages.JpegSegment(0xFE, "Secret comment"u8.ToArray()));

        var pngUpload = await UploadAsync(author, "Screen.png", taggedPng);
        var jpegUpload = await UploadAsync(author, "Holiday.jpg", taggedJpeg);
        var saved = await SaveArticleAsync(author, "invoicing/photo-report", $"{pngUpload.Markdown}\n\n{jpegUpload.Markdown}\n", pngUpload.Attachment, jpegUpload.Attachment);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var clone = new TempDirectory("kbclone");
        Git.Run(clone.Path, "clone", "--quiet", server.RepositoryPath, "work");
        var storedPng = await File.ReadAllBytesAsync(clone.Combine("work", "invoicing", pngUpload.File));
        var storedJpeg = await File.ReadAllBytesAsync(clone.Combine("work", "invoicing", jpegUpload.File));

        Assert.Equal(ImageStructure.PngChunks(png), ImageStructure.PngChunks(storedPng));
        Assert.Equal(Pixels(png), Pixels(storedPng));
        var segments = ImageStructure.JpegSegments(storedJpeg);
        Assert.DoesNotContain(segments, s => s.Marker == 0xFE);
        var exif = Assert.Single(segments, s => s.Marker == 0xE1).Payload;
        Assert.Equal(26 + 6, exif.Length);
        foreach (var stored in new[] { storedPng, storedJpeg })
        {
            var text = Encoding.Latin1.GetString(stored);
            Assert.DoesNotContain("Secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PhoneMaker", text, StringComparison.Ordinal);
        }

        using var codec = SKCodec.Create(SKData.CreateCopy(storedJpeg));
        Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        Assert.Equal(Pixels(jpeg), Pixels(storedJpeg));
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    private static async Task<(string Markdown, string Attachment, string File)> UploadAsync(StudioSession author, string name, byte[] bytes)
    {
        var response = await author.UploadImageAsync(name, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var attachment = json.GetProperty("attachment").GetString()!;
        return (json.GetProperty("markdown").GetString()!, attachment, attachment.Split('=')[0]);
    }

    /// <summary>Saves a new article with its pending uploads, as the editor's form does.</summary>
    private static async Task<HttpResponseMessage> SaveArticleAsync(StudioSession author, string path, string body, params string[] attachments)
    {
        var page = await author.GetDocumentAsync("/studio/edit");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.editor")!;
        var values = new Dictionary<string, string> { ["Path"] = path, ["Form.Title"] = "Photo report", ["Form.Body"] = body };
        var fields = StudioSession.FieldsOf(form, values);
        fields.AddRange(values);
        fields.AddRange(attachments.Select(a => new KeyValuePair<string, string>("Attachments", a)));
        using var content = new FormUrlEncodedContent(fields);
        return await author.Client.PostAsync("/studio/edit", content);
    }

    private static byte[] Pixels(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        Assert.NotNull(bitmap);
        return bitmap.Bytes;
    }
}
