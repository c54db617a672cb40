package dev.stowage.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * The reason of an I/O error in words. {@code java.nio.file} exceptions often carry only the path
 * ({@code AccessDeniedException.getMessage()} is the file name), which made errors like
 * "cannot read A.java: A.java" — this says "Permission denied".
 *
 * <pre>{@code
 * IoReasons.of(new AccessDeniedException("/x/A.java"));   // "Permission denied"
 * }</pre>
 */
public final class IoReasons {

    private IoReasons() {}

    /** A short reason, without the path. */
    public static String of(Throwable error) {
        if (error instanceof UncheckedIOException unchecked && unchecked.getCause() != null) {
            return of(unchecked.getCause());
        }
        if (error instanceof FileSystemException fs) {
            if (fs.getReason() != null && !fs.getReason().isBlank()) {
                return fs.getReason();
            }
            return switch (fs) {
                case AccessDeniedException e -> "Permission denied";
                case NoSuchFileException e -> "No such file or directory";
                case NotDirectoryException e -> "Not a directory";
                case FileAlreadyExistsException e -> "File exists";
                case DirectoryNotEmptyException e -> "Directory not empty";
                case FileSystemLoopException e -> "Too many levels of symbolic links (a loop)";
                case NotLinkException e -> "Not a symbolic link";
                default -> fs.getClass().getSimpleName();
            };
        }
        if (error instanceof IOException io && io.getMessage() != null && !io.getMessage().isBlank()) {
            return io.getMessage();
        }
        return error.getClass().getSimpleName();
    }
}
