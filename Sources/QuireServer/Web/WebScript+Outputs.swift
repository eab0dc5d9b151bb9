extension WebScript {
    /// `liveOutput(o)`: a DOM node for one output of an `output` event, built only with
    /// `textContent` and attributes, never HTML parsing — the output comes from untrusted notebook
    /// code. Streams, errors and plain text show as text with ANSI escapes removed; PNG, JPEG and
    /// GIF images as data URIs when the payload is valid base64; anything richer (HTML, SVG,
    /// JavaScript, markdown, widgets…) as a placeholder whose button fetches the page's rendering,
    /// which puts such outputs in sandboxed frames.
    static let outputs = #"""
    var ANSI=/\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[@-_]/g;
    var IMAGES=["image/png","image/jpeg","image/gif"];
    function joined(v){return Array.isArray(v)?v.join(""):(typeof v==="string"?v:"");}
    function plain(s){return joined(s).replace(ANSI,"");}
    function el(tag,cls,text){var n=document.createElement(tag);if(cls){n.className=cls;}if(text!==undefined){n.textContent=text;}return n;}
    function liveOutput(o,onRefresh){
      var box=el("div","output live-output");
      var t=o&&o.output_type;
      if(t==="stream"){
        box.classList.add("output-stream");if(o.name==="stderr"){box.classList.add("output-stderr");}
        box.appendChild(el("pre","",plain(o.text)));return box;
      }
      if(t==="error"){
        box.classList.add("output-error");box.setAttribute("role","alert");
        var p=el("p","error-summary");p.appendChild(el("strong","",plain(o.ename)));p.appendChild(document.createTextNode(": "+plain(o.evalue)));
        box.appendChild(p);box.appendChild(el("pre","traceback",(o.traceback||[]).map(plain).join("\n")));return box;
      }
      var data=(o&&o.data)||{},keys=Object.keys(data);
      for(var i=0;i<IMAGES.length;i++){
        var b64=joined(data[IMAGES[i]]).replace(/\s+/g,"");
        if(b64&&/^[A-Za-z0-9+\/]+={0,2}$/.test(b64)){
          var img=el("img");img.alt=plain(data["text/plain"])||"image output";img.src="data:"+IMAGES[i]+";base64,"+b64;
          box.appendChild(img);return box;
        }
      }
      if(keys.length===1&&keys[0]==="text/plain"){box.appendChild(el("pre","",plain(data["text/plain"])));return box;}
      box.classList.add("live-placeholder");
      box.appendChild(el("span","muted","Output ("+(keys.filter(function(k){return k!=="text/plain";}).join(", ")||t||"unknown")+") shown once rendered. "));
      var more=el("button","","Refresh to see");more.type="button";more.addEventListener("click",onRefresh);box.appendChild(more);
      return box;
    }

    """#
}
