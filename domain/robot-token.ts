// A group robot's address carries its token (DingTalk `access_token`, WeCom `key`): whoever has
// it can post to the group. Where the address is only to be recognised, show its first characters.
export const maskRobotToken = (url: string): string =>
  url.replace(/([?&](?:access_token|key)=)([^&]{0,4})[^&]*/g, '$1$2****');
