package org.fupin.household.imports.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.imports.domain.ImportCsv;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * Writes an uploaded import file to this instance's import directory as it arrives (never the
 * whole file in memory), then reads it once to check the header row and count the data rows.
 * A file that is rejected here leaves nothing behind.
 */
@ApplicationScoped
public class ImportSpool {

    private final ImportConfig config;

    public ImportSpool(ImportConfig config) {
        this.config = config;
    }

    public SpooledFile spool(InputStream body) {
        Path file;
        OutputStream out;
        MessageDigest digest;
        try {
            Files.createDirectories(config.directory());
            file = config.directory().resolve(UUID.randomUUID() + ".csv");
            digest = MessageDigest.getInstance("SHA-256");
            out = new DigestOutputStream(Files.newOutputStream(file), digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool the import file to " + config.directory(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (out) {
            body.transferTo(out);
        } catch (IOException e) {
            // The client went away or sent more than the service accepts: its mistake, not a 5xx.
            discard(file);
            throw new Refusal(Refusal.Kind.INVALID, "upload-incomplete",
                    "The file did not arrive whole (" + e.getMessage() + "); send it again, at most 200 MB.");
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        try {
            return new SpooledFile(file, sha256, countRows(file));
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
    }

    /** Deletes a spooled file that no job took, or whose job has ended. */
    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the import file " + file, e);
        }
    }

    private static long countRows(Path file) {
        try (ImportCsv csv = ImportCsv.open(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            ImportCsv.Header header = csv.header();
            if (!header.valid()) {
                throw invalidHeader(header);
            }
            return csv.countRows();
        } catch (ImportCsv.MalformedCsvException e) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-csv", e.getMessage() + " The file must be UTF-8 CSV (RFC 4180).");
        } catch (CharacterCodingException e) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-csv", "The file is not UTF-8; save it as CSV UTF-8 and send it again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns are listed in errors (an answer keeps the first 50); the detail only counts, so it stays short. */
    private static Refusal invalidHeader(ImportCsv.Header header) {
        List<Violation> errors = new ArrayList<>();
        header.missing().forEach(column -> errors.add(new Violation(column, "missing-column", "The header row lacks this column.")));
        header.unknown().forEach(column -> errors.add(new Violation(column, "unknown-column", "This column is not part of an import.")));
        header.repeated().forEach(column -> errors.add(new Violation(column, "repeated-column", "This column is named twice.")));
        String detail = "The header row must name exactly the import's columns: " + header.missing().size() + " missing, "
                + header.unknown().size() + " unknown, " + header.repeated().size() + " repeated (listed in errors).";
        return new Refusal(Refusal.Kind.INVALID, "invalid-csv-header", detail, errors);
    }
}
