using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace DecisionAid.Web.Security;

/// <summary>
/// The Data Protection keys (which sign clinicians' cookies and the forms' tokens) are stored in the database, so
/// every node shares them; at rest they are encrypted (AES-256-GCM) with a key derived from the seal key, which lives
/// outside the database. A database backup alone then cannot forge a signed-in clinician.
/// </summary>
public static class SealedDataProtectionKeys
{
    private const string Purpose = "DecisionAid Data Protection keys at rest";

    public static IServiceCollection EncryptDataProtectionKeysWithSealKey(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new Encryptor(sp.GetRequiredService<SealKey>().Derive(Purpose))));
        return services;
    }

    private sealed class Encryptor(byte[] key) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            ArgumentNullException.ThrowIfNull(plaintextElement);
            var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            var cipher = new byte[plain.Length];
            using (var aes = new AesGcm(key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
            var element = new XElement("encryptedKey",
                new XComment(" AES-256-GCM under a key derived from Consent:SealKey: nonce, tag, ciphertext "),
                new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
            return new EncryptedXmlInfo(element, typeof(Decryptor));
        }
    }

    /// <summary>Made by Data Protection from the type name stored with each key; it finds the seal key in the services.</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            ArgumentNullException.ThrowIfNull(encryptedElement);
            var key = services.GetRequiredService<SealKey>().Derive(Purpose);
            var data = Convert.FromBase64String(encryptedElement.Element("value")?.Value ?? throw new CryptographicException("an encrypted key without its value"));
            var nonceSize = AesGcm.NonceByteSizes.MaxSize;
            var tagSize = AesGcm.TagByteSizes.MaxSize;
            var plain = new byte[data.Length - nonceSize - tagSize];
            using (var aes = new AesGcm(key, tagSize)) aes.Decrypt(data.AsSpan(0, nonceSize), data.AsSpan(nonceSize + tagSize), data.AsSpan(nonceSize, tagSize), plain);
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
    }
}
