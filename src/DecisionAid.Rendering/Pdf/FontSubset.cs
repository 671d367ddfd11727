using System.Runtime.InteropServices;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// Cuts a font down to the characters one document uses, with HarfBuzz's subsetter (hb-subset), which ships inside
/// HarfBuzzSharp's native library. Skia's PDF writer embeds whole font files, so a two-page consent would carry
/// 1.5 MB of DejaVu and a Chinese name 4 MB more; the subset keeps each to a few kilobytes. Layout features
/// (Arabic joining forms) reachable from the kept characters are kept too, so shaping still works.
/// </summary>
internal static partial class FontSubset
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    /// <summary>The font file holding only <paramref name="codepoints"/> (and what shaping them needs); null if HarfBuzz refuses.</summary>
    public static byte[]? Create(byte[] font, IEnumerable<int> codepoints)
    {
        ArgumentNullException.ThrowIfNull(font);
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        nint blob = 0, face = 0, input = 0, subset = 0, result = 0;
        try
        {
            blob = NativeMethods.hb_blob_create(pinned.AddrOfPinnedObject(), (uint)font.Length, MemoryModeReadOnly, 0, 0);
            face = NativeMethods.hb_face_create(blob, 0);
            input = NativeMethods.hb_subset_input_create_or_fail();
            if (input == 0) return null;
            var unicodes = NativeMethods.hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints) NativeMethods.hb_set_add(unicodes, (uint)codepoint);
            subset = NativeMethods.hb_subset_or_fail(face, input);
            if (subset == 0) return null;
            result = NativeMethods.hb_face_reference_blob(subset);
            var data = NativeMethods.hb_blob_get_data(result, out var length);
            if (data == 0 || length == 0) return null;
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (result != 0) NativeMethods.hb_blob_destroy(result);
            if (subset != 0) NativeMethods.hb_face_destroy(subset);
            if (input != 0) NativeMethods.hb_subset_input_destroy(input);
            if (face != 0) NativeMethods.hb_face_destroy(face);
            if (blob != 0) NativeMethods.hb_blob_destroy(blob);
            pinned.Free();
        }
    }

    private const int MemoryModeReadOnly = 1; // HB_MEMORY_MODE_READONLY: HarfBuzz reads the pinned array in place

    private static partial class NativeMethods
    {
        [LibraryImport(HarfBuzz)] internal static partial nint hb_blob_create(nint data, uint length, int mode, nint userData, nint destroy);
        [LibraryImport(HarfBuzz)] internal static partial void hb_blob_destroy(nint blob);
        [LibraryImport(HarfBuzz)] internal static partial nint hb_blob_get_data(nint blob, out uint length);
        [LibraryImport(HarfBuzz)] internal static partial nint hb_face_create(nint blob, uint index);
        [LibraryImport(HarfBuzz)] internal static partial void hb_face_destroy(nint face);
        [LibraryImport(HarfBuzz)] internal static partial nint hb_face_reference_blob(nint face);
        [LibraryImport(HarfBuzz)] internal static partial nint hb_subset_input_create_or_fail();
        [LibraryImport(HarfBuzz)] internal static partial void hb_subset_input_destroy(nint input);
        [LibraryImport(HarfBuzz)] internal static partial nint hb_subset_input_unicode_set(nint input);
        [LibraryImport(HarfBuzz)] internal static partial void hb_set_add(nint set, uint codepoint);
        [LibraryImport(HarfBuzz)] internal static partial nint hb_subset_or_fail(nint face, nint input);
    }
}
