public enum TriageKitVersion { public static let tool = "0.1.0" }
