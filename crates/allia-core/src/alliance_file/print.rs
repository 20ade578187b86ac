//! The printed PDF a frozen version carries in an alliance file ([`FilePrint`]): written
//! from the bytes the vault kept, and read back only when its hash matches and it looks
//! like a PDF, so an import stores exactly what was signed or nothing.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::v2::FilePrint;

/// SHA-256 of `bytes`, 64 lower-case hexadecimal digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A SHA-256 as people compare it aloud or by eye: its first and last four hexadecimal
/// digits around an ellipsis (« 1a2b…9f3c »). A hash shorter than nine digits is
/// returned whole.
pub fn short_fingerprint(sha256: &str) -> String {
    let hex = sha256.trim().to_ascii_lowercase();
    match (hex.get(..4), hex.get(hex.len().saturating_sub(4)..)) {
        (Some(first), Some(last)) if hex.len() > 8 && hex.is_ascii() => {
            format!("{first}\u{2026}{last}")
        }
        _ => hex,
    }
}

impl FilePrint {
    /// The print of `bytes`, with its hash and, when known, the Allia version that
    /// printed them.
    pub fn of(bytes: &[u8], app_version: Option<String>) -> FilePrint {
        FilePrint {
            sha256: sha256_hex(bytes),
            base64: B64.encode(bytes),
            app_version,
        }
    }

    /// The bytes, once checked: valid Base64, the SHA-256 written beside them, and the
    /// start of a PDF (`%PDF-`).
    ///
    /// # Errors
    /// A French sentence saying which of the three fails (the caller names the place).
    pub fn pdf_bytes(&self) -> Result<Vec<u8>, String> {
        let bytes = B64.decode(self.base64.trim()).map_err(|_| {
            "le PDF imprimé joint n’est pas lisible (base64 invalide)\u{a0}: demandez un nouvel export à qui vous a envoyé ce fichier.".to_string()
        })?;
        if !self.sha256.eq_ignore_ascii_case(&sha256_hex(&bytes)) {
            return Err("le PDF imprimé joint ne correspond pas à son empreinte (sha256)\u{a0}: il a été modifié ou abîmé en chemin. Demandez un nouvel export à qui vous a envoyé ce fichier.".into());
        }
        if !bytes.starts_with(b"%PDF-") {
            return Err("le document imprimé joint n’est pas un PDF.".into());
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_print_reads_back_only_when_whole() {
        let pdf = b"%PDF-1.7\n%%EOF\n";
        let print = FilePrint::of(pdf, Some("0.1.0".into()));
        assert_eq!(print.sha256.len(), 64);
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(print.pdf_bytes().expect("whole"), pdf.to_vec());

        let mut changed = print.clone();
        changed.base64 = B64.encode(b"%PDF-1.7\n%%EOF\r\n");
        assert!(changed.pdf_bytes().expect_err("hash").contains("empreinte"));

        let mut garbled = print.clone();
        garbled.base64 = "pas du base64 !".into();
        assert!(garbled.pdf_bytes().expect_err("base64").contains("base64"));

        assert_eq!(short_fingerprint(&sha256_hex(b"")), "e3b0\u{2026}b855");
        assert_eq!(short_fingerprint("abc"), "abc");

        let not_pdf = FilePrint::of(b"GIF89a", None);
        assert!(not_pdf
            .pdf_bytes()
            .expect_err("kind")
            .contains("n’est pas un PDF"));
    }
}
