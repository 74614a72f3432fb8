using System.Text;
using Hanzo.Qml.Cli;

// Standard output goes through one large buffer; HanzoQmlCli writes JSON straight to the underlying stream.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
int exitCode = HanzoQmlCli.Run(args, stdout, Console.Error);
stdout.Flush();
return exitCode;
